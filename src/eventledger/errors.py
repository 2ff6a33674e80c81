"""Exceptions. One small class per failure; :class:`InvariantError` means a bug in eventledger.

Odd or malformed *input markup* never raises: readers parse leniently and record what they
could not read as a flag on the document (a finding on the record). These exceptions are for
inputs that are not articles at all, and for broken invariants.
"""


class EventLedgerError(Exception):
    """Base class of every error eventledger raises on purpose."""


class InputError(EventLedgerError):
    """The input cannot be read as an article (missing, a directory, binary, empty, not an article)."""


class UnsupportedFormat(InputError):
    """The input's format is not one eventledger can read."""


class NotFound(EventLedgerError):
    """No event in the ledger has that id or title."""


class LedgerError(EventLedgerError):
    """The ledger file cannot be opened or has an unknown schema version."""


class InvariantError(EventLedgerError):
    """A broken invariant inside eventledger (for example a span that does not round-trip).

    Its appearance indicates a bug in eventledger, never a problem with the input.
    """

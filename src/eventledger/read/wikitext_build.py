"""A faster tree builder for mwparserfromhell's token stream.

mwparserfromhell parses in two steps: its C tokenizer turns the text into a flat list of tokens,
and a Python ``Builder`` turns the tokens into the node tree. The tokenizer is fast (about 1 ms
for a median corpus article); the builder takes about five times as long, most of it in the
nodes' property setters, each of which passes its (already built) value through
``parse_anything`` again, and in ``Token.__getattr__``.

:func:`parse` builds the very same tree (the same node classes with the same attribute values,
so ``str(tree) == text`` and every property reads the same) but sets the nodes' attributes
directly, as their setters would have set them for the values a token stream can hold. An
``Attribute`` is built with the checks its setters make (:func:`_attribute`); an
``HTMLEntity``, whose setters do more, with its own constructor.
``tests/test_wikitext_build.py`` compares both trees node by node over the corpus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn

from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.nodes.extras import Attribute, Parameter
from mwparserfromhell.parser import Parser, ParserError, tokens
from mwparserfromhell.smart_list import SmartList
from mwparserfromhell.wikicode import Wikicode

__all__ = ["Lengths", "parse"]

#: Source lengths of a tree's nodes, parameters and codes, keyed by ``id`` (see :func:`parse`).
Lengths = dict[int, int]

_new = object.__new__
_get = dict.get
_new_list = list.__new__
_init_list = list.__init__

_T_TEXT = tokens.Text
_T_TPL_SEP = tokens.TemplateParamSeparator
_T_TPL_EQ = tokens.TemplateParamEquals
_T_TPL_CLOSE = tokens.TemplateClose
_T_ARG_SEP = tokens.ArgumentSeparator
_T_ARG_CLOSE = tokens.ArgumentClose
_T_LINK_SEP = tokens.WikilinkSeparator
_T_LINK_CLOSE = tokens.WikilinkClose
_T_EXT_SEP = tokens.ExternalLinkSeparator
_T_EXT_CLOSE = tokens.ExternalLinkClose
_T_HEAD_END = tokens.HeadingEnd
_T_COMMENT_END = tokens.CommentEnd
_T_ATTR_START = tokens.TagAttrStart
_T_ATTR_EQ = tokens.TagAttrEquals
_T_ATTR_QUOTE = tokens.TagAttrQuote
_T_CLOSE_OPEN = tokens.TagCloseOpen
_T_OPEN_CLOSE = tokens.TagOpenClose
_T_SELFCLOSE = tokens.TagCloseSelfclose
_T_CLOSE_CLOSE = tokens.TagCloseClose


def _text(value: str) -> Text:
    node = _new(Text)
    node._value = value
    return node


def _padding(value: Any) -> str:
    """An attribute's padding as its setter stores it."""
    if not value:
        return ""
    value = str(value)
    if not value.isspace():
        raise ValueError("padding must be entirely whitespace")
    return value


def _attribute(name: Wikicode, value: Wikicode | None, quotes: Any, start: Any) -> Attribute:
    """``Attribute(name, value, quotes, pad_first, pad_before_eq, pad_after_eq)`` (the pads
    from *start*), with the checks its setters make.

    The constructor passes the codes through ``parse_anything`` and, in two setters, tests
    whether the value needs quotes by stringifying it and filtering its text nodes; the value
    needs them when its top-level text holds whitespace. The stored quotes are the given ones
    (the value setter's choice is overwritten by the quotes setter).
    """
    quotes = str(quotes) if quotes else None
    if quotes not in (None, '"', "'"):
        raise ValueError(f"{quotes!r} is not a valid quote type")
    if quotes is None and value is not None:
        text = "".join(node._value for node in value._nodes if type(node) is Text)
        if any(ch.isspace() for ch in text):
            raise ValueError("attribute value requires quotes")
    attr = _new(Attribute)
    attr._name = name
    attr._value = value
    attr._quotes = quotes
    attr._pad_first = _padding(_get(start, "pad_first"))
    attr._pad_before_eq = _padding(_get(start, "pad_before_eq"))
    attr._pad_after_eq = _padding(_get(start, "pad_after_eq"))
    return attr


class _Handlers(dict[type, Callable[[Any], tuple[Any, int]]]):
    """The builder's handler of each kind of token that starts a node; any other kind of token
    there is a tokenizer bug (a KeyError would be one, so the look-up raises ParserError)."""

    def __missing__(self, kind: type) -> NoReturn:
        raise ParserError(f"unexpected {kind.__name__}")


class _Builder:
    """The builder of ``mwparserfromhell.parser.builder.Builder``, minus the setters' work.

    It also records the source length (``len(str(x))``) of every node but text nodes, every
    template parameter and every :class:`Wikicode` it builds in *lens*, keyed by ``id``: the
    tokens give each length as the node is built, following each node class's ``__str__``.
    """

    def __init__(self, toks: list[Any], lens: Lengths) -> None:
        toks.reverse()
        self.toks = toks
        self.lens = lens
        self.handlers = _Handlers(
            {
                tokens.Text: self._t_text,
                tokens.TemplateOpen: self._t_template,
                tokens.ArgumentOpen: self._t_argument,
                tokens.WikilinkOpen: self._t_wikilink,
                tokens.ExternalLinkOpen: self._t_external_link,
                tokens.HTMLEntityStart: self._t_entity,
                tokens.HeadingStart: self._t_heading,
                tokens.CommentStart: self._t_comment,
                tokens.TagOpenOpen: self._t_tag,
            }
        )

    def code(self, nodes: list[Any], n: int) -> Wikicode:
        """A :class:`Wikicode` of *nodes*, whose source is *n* characters long."""
        code = _new(Wikicode)
        # SmartList(nodes), without SmartList.__new__'s Python frame: the same list subclass
        # with the same (empty) record of slices taken from it
        code._nodes = smart = _new_list(SmartList)
        smart._children = {}
        _init_list(smart, nodes)
        self.lens[id(code)] = n
        return code

    def build(self) -> Wikicode:
        nodes, n, _ = self._until(())
        return self.code(nodes, n)

    def _t_text(self, token: Any) -> tuple[Text, int]:
        value = str(_get(token, "text"))
        return _text(value), len(value)

    def _until(self, stops: tuple[type, ...]) -> tuple[list[Any], int, Any]:
        """Nodes up to the next token of a type in *stops* (or the end of the tokens when
        *stops* is empty); return them, their length and that token."""
        toks, handlers = self.toks, self.handlers
        out = []
        n = 0
        while toks:
            token = toks.pop()
            kind = type(token)
            if kind is _T_TEXT:  # most tokens: inlined
                leaf = _new(Text)
                leaf._value = value = str(_get(token, "text"))
                out.append(leaf)
                n += len(value)
            elif kind in stops:
                return out, n, token
            else:
                child, ln = handlers[kind](token)
                out.append(child)
                n += ln
        if stops:
            raise ParserError("missed a close token")
        return out, n, None

    def _t_template(self, token: Any) -> tuple[Template, int]:
        lens, stops = self.lens, (_T_TPL_EQ, _T_TPL_SEP, _T_TPL_CLOSE)
        nodes, n, token = self._until((_T_TPL_SEP, _T_TPL_CLOSE))
        name = self.code(nodes, n)
        size = 4 + n  # "{{" name "}}"
        params = []
        default = 1
        while type(token) is _T_TPL_SEP:
            key = None
            keylen = 0
            nodes, n, token = self._until(stops)
            while type(token) is _T_TPL_EQ:  # as the original: a later "=" makes a new key
                key = self.code(nodes, n)
                keylen = n + 1  # with its "="
                nodes, n, token = self._until(stops)
            param = _new(Parameter)
            if key is not None:
                param._name = key
                param._showkey = True
            else:
                number = str(default)
                param._name = self.code([_text(number)], len(number))
                param._showkey = False
                default += 1
            param._value = self.code(nodes, n)
            lens[id(param)] = n = keylen + n
            size += 1 + n  # "|" param
            params.append(param)
        tpl = _new(Template)
        tpl._name = name
        tpl._params = params
        lens[id(tpl)] = size
        return tpl, size

    def _segments(self, sep: type, close: type) -> tuple[list[tuple[list[Any], int]], Any]:
        """Node lists (with their lengths) between separators up to the close token, and the
        last separator token.

        As in the original builder, only the last two segments count (``[[a|b|c]]`` is the
        link ``b`` with text ``c``); the tokenizer does not emit more than one separator.
        """
        nodes, n, token = self._until((sep, close))
        segs = [(nodes, n)]
        last = None
        while type(token) is sep:
            last = token
            nodes, n, token = self._until((sep, close))
            segs.append((nodes, n))
        return segs, last

    def _two(self, segs: list[tuple[list[Any], int]]) -> tuple[Wikicode, int, Wikicode | None, int]:
        """The first and second part of a link or argument (the second ``None`` when it has
        one segment), each with its length."""
        if len(segs) == 1:
            nodes, n = segs[0]
            return self.code(nodes, n), n, None, 0
        (nodes, n), (nodes2, n2) = segs[-2:]
        return self.code(nodes, n), n, self.code(nodes2, n2), n2

    def _t_argument(self, token: Any) -> tuple[Argument, int]:
        segs, _ = self._segments(_T_ARG_SEP, _T_ARG_CLOSE)
        arg = _new(Argument)
        arg._name, n, arg._default, n2 = self._two(segs)
        size = 6 + n + (1 + n2 if arg._default is not None else 0)  # "{{{" name "|" default "}}}"
        self.lens[id(arg)] = size
        return arg, size

    def _t_wikilink(self, token: Any) -> tuple[Wikilink, int]:
        segs, _ = self._segments(_T_LINK_SEP, _T_LINK_CLOSE)
        link = _new(Wikilink)
        link._title, n, link._text, n2 = self._two(segs)
        size = 4 + n + (1 + n2 if link._text is not None else 0)  # "[[" title "|" text "]]"
        self.lens[id(link)] = size
        return link, size

    def _t_external_link(self, token: Any) -> tuple[ExternalLink, int]:
        brackets = _get(token, "brackets")
        segs, sep = self._segments(_T_EXT_SEP, _T_EXT_CLOSE)
        link = _new(ExternalLink)
        link._url, size, link._title, n2 = self._two(segs)
        link._brackets = bool(brackets)
        link.suppress_space = sep is not None and _get(sep, "suppress_space") is True
        if link._brackets:  # "[" url " " title "]"
            size += 2
            if link._title is not None:
                size += n2 + (0 if link.suppress_space else 1)
        self.lens[id(link)] = size
        return link, size

    def _t_entity(self, token: Any) -> tuple[HTMLEntity, int]:
        toks = self.toks
        token = toks.pop()
        if type(token) is tokens.HTMLEntityNumeric:
            token = toks.pop()
            if type(token) is tokens.HTMLEntityHex:
                text = toks.pop()
                toks.pop()  # HTMLEntityEnd
                ent = HTMLEntity(
                    _get(text, "text"), named=False, hexadecimal=True, hex_char=_get(token, "char")
                )
            else:
                toks.pop()
                ent = HTMLEntity(_get(token, "text"), named=False, hexadecimal=False)
        else:
            toks.pop()
            ent = HTMLEntity(_get(token, "text"), named=True, hexadecimal=False)
        size = len(str(ent))
        self.lens[id(ent)] = size
        return ent, size

    def _t_heading(self, token: Any) -> tuple[Heading, int]:
        level = _get(token, "level")
        if not 1 <= level <= 6:  # pragma: no cover - the tokenizer makes 1..6 only
            raise ParserError(f"heading level {level}")
        nodes, n, _ = self._until((_T_HEAD_END,))
        head = _new(Heading)
        head._title = self.code(nodes, n)
        head._level = int(level)
        size = 2 * head._level + n
        self.lens[id(head)] = size
        return head, size

    def _t_comment(self, token: Any) -> tuple[Comment, int]:
        nodes, n, _ = self._until((_T_COMMENT_END,))
        com = _new(Comment)
        com._contents = "".join(str(x) for x in nodes)
        size = 7 + len(com._contents)  # "<!--" contents "-->"
        self.lens[id(com)] = size
        return com, size

    def _attribute(self, start: Any) -> tuple[Attribute, int]:
        toks, handlers = self.toks, self.handlers
        name = None
        namelen = n = 0
        quotes = None
        out: list[Any] = []
        while toks:
            token = toks.pop()
            kind = type(token)
            if kind is _T_ATTR_EQ:
                name = self.code(out, n)
                namelen = n
                out = []
                n = 0
            elif kind is _T_ATTR_QUOTE:
                quotes = _get(token, "char")
            elif kind is _T_ATTR_START or kind is _T_CLOSE_OPEN or kind is _T_SELFCLOSE:
                toks.append(token)
                if name:
                    value: Wikicode | None = self.code(out, n)
                else:
                    name, value = self.code(out, n), None
                    namelen = n
                attr = _attribute(name, value, quotes, start)
                # pad_first name pad_before_eq "=" pad_after_eq quotes value quotes
                size = len(attr._pad_first) + namelen + len(attr._pad_before_eq)
                if value is not None:
                    size += 1 + len(attr._pad_after_eq) + 2 * len(attr._quotes or "") + n
                return attr, size
            else:
                child, ln = handlers[kind](token)
                out.append(child)
                n += ln
        raise ParserError("attribute missed a close token")

    def _t_tag(self, token: Any) -> tuple[Tag, int]:
        toks, handlers = self.toks, self.handlers
        wiki_markup = _get(token, "wiki_markup")
        invalid = _get(token, "invalid") or False
        wiki_style_separator = None
        closing_wiki_markup = wiki_markup
        tag = contents = closing_tag = None
        padding = None
        implicit = self_closing = False
        attrs = []
        size = 0  # of the attributes and contents
        n = namelen = closelen = 0
        out: list[Any] = []
        while True:
            if not toks:
                raise ParserError("tag missed a close token")
            token = toks.pop()
            kind = type(token)
            if kind is _T_ATTR_START:
                attr, ln = self._attribute(token)
                attrs.append(attr)
                size += ln
            elif kind is _T_CLOSE_OPEN:
                wiki_style_separator = _get(token, "wiki_markup")
                padding = _get(token, "padding") or ""
                tag = self.code(out, n)
                namelen = n
                out = []
                n = 0
            elif kind is _T_OPEN_CLOSE:
                closing_wiki_markup = _get(token, "wiki_markup")
                contents = self.code(out, n)
                size += n
                out = []
                n = 0
            elif kind is _T_SELFCLOSE:
                closing_wiki_markup = _get(token, "wiki_markup")
                tag = self.code(out, n)
                namelen = n
                self_closing = True
                padding = _get(token, "padding") or ""
                implicit = _get(token, "implicit") or False
                break
            elif kind is _T_CLOSE_CLOSE:
                closing_tag = self.code(out, n)
                closelen = n
                break
            else:
                child, ln = handlers[kind](token)
                out.append(child)
                n += ln
        if tag is None or padding is None:  # pragma: no cover - tokenizer bug
            raise ParserError("tag without a name")
        if padding and not padding.isspace():  # pragma: no cover - as Tag.padding refuses
            raise ParserError("tag padding must be whitespace")
        t = _new(Tag)
        t._tag = t._closing_tag = tag
        t._contents = contents if contents is not None else self.code([], 0)
        t._attrs = attrs
        t._wiki_markup = str(wiki_markup) if wiki_markup else None
        t._closing_wiki_markup = t._wiki_markup
        t._self_closing = self_closing
        t._invalid = bool(invalid)
        t._implicit = bool(implicit)
        t._padding = padding
        if closing_tag is not None:
            t._closing_tag = closing_tag
        t._wiki_style_separator = str(wiki_style_separator) if wiki_style_separator else None
        if closing_wiki_markup is not None:
            t._closing_wiki_markup = str(closing_wiki_markup) if closing_wiki_markup else None
        size += len(padding)
        if t._wiki_markup:  # markup attributes padding separator contents closing-markup
            size += len(t._wiki_markup) + len(t._wiki_style_separator or "")
            if not self_closing:
                size += len(t._closing_wiki_markup or "")
        else:  # "<" or "</", name, attributes, padding, ">" or "/>", contents "</" name ">"
            size += (2 if t._invalid else 1) + namelen
            if self_closing:
                size += 1 if t._implicit else 2
            else:
                size += 4 + (closelen if closing_tag is not None else namelen)
        self.lens[id(t)] = size
        return t, size


def parse(text: str, *, skip_style_tags: bool = False, lengths: Lengths | None = None) -> Wikicode:
    """Parse *text* like ``mwparserfromhell.parse(text, skip_style_tags=...)``, faster.

    :param lengths: if given, filled with ``len(str(x))`` under ``id(x)`` for every node but
        the text nodes, every template parameter and every :class:`Wikicode` of the tree
        (valid while the tree lives: a freed node's ``id`` can be reused).
    :raises mwparserfromhell.parser.ParserError: on a token stream the builder cannot place
        (a bug in the tokenizer, as in mwparserfromhell's own builder).
    """
    toks = Parser()._tokenizer.tokenize(text, 0, skip_style_tags)
    return _Builder(toks, lengths if lengths is not None else {}).build()

"""``python -m eventledger`` runs the command-line interface."""

from eventledger.cli import cli

if __name__ == "__main__":
    cli()

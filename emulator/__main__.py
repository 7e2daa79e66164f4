"""`python -m emulator serve ...`: see emulator/cli.py."""
import sys

from .cli import main

sys.exit(main())

"""Entry point of the frozen command line (kehoach.exe), beside the window program."""
import sys

from kehoach_desktop.cli import main

sys.exit(main())

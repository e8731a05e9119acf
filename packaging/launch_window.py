"""Entry point of the frozen window program (KeHoachDesktop.exe)."""
import sys

from kehoach_desktop.ui.app import main

sys.exit(main())

"""Running the `kehoach` command in the test's own process."""
from kehoach_desktop.cli import main


def run(capsys, *argv):
    """(exit code, stdout, stderr) of `kehoach ARGV`; a wrong usage (argparse
    exits with 2) gives its code like any other."""
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exit:
        code = exit.code
    out, err = capsys.readouterr()
    return code, out, err

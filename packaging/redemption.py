"""The frozen build's entry point (tools/package.py): the `redemption` console script, frozen.

Kept apart from game/__main__.py, which relative imports make a module and not a script.
`main` calls multiprocessing.freeze_support() before anything else (see there).
"""

import sys

from game.__main__ import main

if __name__ == "__main__":
    sys.exit(main())

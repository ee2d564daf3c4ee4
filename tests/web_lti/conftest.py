"""Browser test fixtures: the LTI platform drivers of tests/lti are importable from here too."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "lti"))

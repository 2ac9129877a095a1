"""The web planner behind its security front (`planner.web.front`): what `bv-planner ui` runs.

`streamlit run ui/server.py` finds `app` (an ASGI `st.App`) and serves `ui/app.py` through the
middleware, which adds the security headers, turns metrics off and lets only signed-in sessions
download. `streamlit run ui/app.py` still works for development, without that front.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from planner.web.front import middleware, private_umask  # noqa: E402

private_umask()  # the database, its WAL/SHM and job logs are for the owner only

app = st.App(str(Path(__file__).resolve().parent / "app.py"), middleware=middleware())

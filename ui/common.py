"""Shared bits of the pages: the planner resource, the signed-in user, language and the workspace view.

No planning logic here: everything is a call into `planner`. The session keeps only small
things: who is signed in, the language, which workspace and which revision it is looking at,
and an unsaved edit (as a plain dict).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import streamlit as st

from models import Plan
from planner.web import Planner, View, auth, clock_cut_notice, database_url, optimiser_warning
from planner.web.i18n import DEFAULT_LANGUAGE, t


@st.cache_resource(show_spinner=False)
def _planner(url: str) -> Planner:
    return Planner.open(url)


def planner() -> Planner:
    """One Planner (engine, caches) per database for the whole server process."""
    return _planner(database_url())


def client_address() -> str | None:
    """The browser's address (for the per-client login limit); None when Streamlit does not know it."""
    try:
        return st.context.ip_address
    except Exception:  # AppTest and old Streamlit versions have no request context
        return None


def download_pass(signed_in: bool) -> None:
    """Let this browser's front cookie download while the session is signed in (`planner.web.front`)."""
    from planner.web.front import COOKIE, DOWNLOADS

    try:
        token = st.context.cookies.get(COOKIE)
    except Exception:  # no request context (AppTest)
        return
    if not token:
        return
    if signed_in:
        DOWNLOADS.grant(token, idle_minutes() * 60)
    else:
        DOWNLOADS.revoke(token)


_MD_SPECIAL = frozenset("\\`*_{}[]<>~$")
_LINE_START = re.compile(r"^(\s*)([-+#=>]|\d+[.)])")
_DIRECTIVE = re.compile(r":(?=[A-Za-z])")


class Markdown(str):
    """Markdown the UI wrote itself (bold labels around escaped data); `tr` passes it through unchanged."""


def plain(value: object) -> str:
    """Data (pseudonyms, names, reasons, file names) as literal text inside Markdown: Markdown, HTML,
    LaTeX and Streamlit directive characters (:red[...], :material/...:, :emoji:) backslash-escaped,
    a list/heading marker at the start escaped, lines joined. Case text is never markup: no image,
    link or tag from a scenario reaches the browser."""
    text = " ".join(str(value).splitlines())
    text = "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in text)
    text = _DIRECTIVE.sub(r"\\:", text)
    return _LINE_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)


def lang() -> str:
    return st.session_state.get("lang", DEFAULT_LANGUAGE)


def tr(key: str, **values) -> str:
    """The text for `key`; string values are data and are escaped (`plain`) unless they are `Markdown`."""
    values = {k: v if isinstance(v, Markdown) or not isinstance(v, str) else plain(v) for k, v in values.items()}
    return t(key, lang(), **values)


def user() -> dict:
    """{'username', 'roles'} of the signed-in user (the entrypoint guarantees one)."""
    return st.session_state["user"]


def username() -> str:
    return user()["username"]


def is_coordinator() -> bool:
    return auth.COORDINATOR in user()["roles"]


def seen() -> dict | None:
    return st.session_state.get("ws_seen")


def set_seen(scenario_id: int, revision: int, plan_id: int | None) -> None:
    st.session_state["ws_seen"] = {"scenario_id": scenario_id, "revision": revision, "plan_id": plan_id}


def reload_workspace() -> None:
    """Look at the newest revision of the current workspace."""
    state = seen()
    if state is None:
        return
    info = planner().scenario_info(state["scenario_id"])
    set_seen(info.id, info.revision, info.head_plan_id)


def current_view() -> View | None:
    """The workspace as this session sees it (None when there is no scenario at all)."""
    p = planner()
    scenarios = p.list_scenarios()
    if not scenarios:
        return None
    ids = [s.id for s in scenarios]
    wanted = st.session_state.get("ws_id")
    if wanted not in ids:
        wanted = ids[0]
        st.session_state["ws_id"] = wanted
    adopt_finished_solve(p)
    state = seen()
    if state is None or state["scenario_id"] != wanted or not is_coordinator():
        info = p.scenario_info(wanted)
        set_seen(info.id, info.revision, info.head_plan_id)
        return p.view(wanted, info.head_plan_id, info.revision)
    return p.view(wanted, state["plan_id"], state["revision"])


def adopt_finished_solve(p: Planner) -> None:
    """A solve this session started has finished (maybe while the user was on another page): show
    its result on the next view, and follow it when nothing else was saved in between."""
    job_id = st.session_state.get("job_id")
    if job_id is None:
        return
    job = p.job_progress(job_id).job
    if not job.finished:
        return
    st.session_state.pop("job_id", None)
    state = seen() or {}
    if job.status == "done" and state.get("scenario_id") == job.scenario_id \
            and state.get("revision") == job.base_revision:
        set_seen(job.scenario_id, job.base_revision + 1, job.plan_id)
    st.session_state["job_result"] = {"status": job.status, "message": job.message, "plan_id": job.plan_id}


def sidebar(view: View | None) -> None:
    """Who is signed in, language, workspace picker and the 'someone saved meanwhile' banner."""
    p = planner()
    with st.sidebar:
        roles = ", ".join(tr(f"role.{r}") for r in user()["roles"])
        st.caption(tr("login.as", user=username(), roles=roles))
        scenarios = p.list_scenarios()
        if scenarios:
            labels = {s.id: f"{s.id}: {s.name}" for s in scenarios}
            ids = list(labels)
            current = st.session_state.get("ws_id", ids[0])
            # Widget keys vanish when a widget is not drawn (login page); keep our own copy, and
            # push it into the widget so an import or the demo (which set ws_id) show here too.
            st.session_state["_ws_widget"] = current if current in ids else ids[0]
            st.selectbox(tr("ws.scenario"), ids, format_func=lambda i: labels[i], key="_ws_widget", on_change=_copy,
                         args=("_ws_widget", "ws_id"))
        if view is not None:
            if view.version is not None:
                st.caption(tr("ws.version", number=view.version.number, status=tr(f"status.{view.version.status}"),
                              by=view.version.created_by, at=view.version.created_at.strftime("%d-%m %H:%M UTC")))
            if view.stale:
                st.warning(tr("ws.stale", revision=view.info.revision, by=view.info.updated_by,
                              seen=view.revision))
                st.button(tr("ws.reload"), key="sidebar_reload", on_click=reload_workspace)
        language_picker()
        st.button(tr("login.logout"), key="logout", on_click=logout)


def _copy(source: str, target: str) -> None:
    st.session_state[target] = st.session_state[source]


def language_picker() -> None:
    options = ["nl", "en"]
    st.session_state["_lang_widget"] = lang()
    st.selectbox(tr("language"), options,
                 format_func=lambda x: {"nl": "Nederlands", "en": "English"}[x], key="_lang_widget",
                 on_change=_copy, args=("_lang_widget", "lang"))


def logout() -> None:
    planner().audit(st.session_state.get("user", {}).get("username", "?"), "logout", "user",
                    st.session_state.get("user", {}).get("username", "?"))
    for key in list(st.session_state.keys()):
        if key != "lang":
            del st.session_state[key]
    st.session_state["logged_out"] = True


def touch(now: datetime | None = None) -> bool:
    """Record activity; False (and sign out) when the session was idle too long."""
    now = now or datetime.now(UTC)
    policy = auth.IdlePolicy(float(st.session_state.get("idle_minutes", idle_minutes())))
    last = st.session_state.get("last_seen")
    if "user" in st.session_state and policy.expired(last, now):
        who = st.session_state["user"]["username"]
        planner().audit(who, "logout.idle", "user", who)
        for key in list(st.session_state.keys()):
            if key != "lang":
                del st.session_state[key]
        st.session_state["timed_out"] = True
        return False
    st.session_state["last_seen"] = now
    return True


def idle_minutes() -> float:
    import os

    return float(os.environ.get("BV_IDLE_MINUTES", auth.DEFAULT_IDLE_MINUTES))


def need_view() -> View:
    """The page's view; stops the page with a hint when there is no scenario."""
    view = st.session_state.get("_view")
    if view is None:
        st.info(tr("ws.none"))
        st.stop()
    return view


def need_plan(view: View) -> Plan:
    """The view's plan; stops the page with a hint when there is none yet."""
    if view.plan is None:
        st.info(tr("ws.noplan"))
        st.stop()
    return view.plan


def optimiser_banner(view: View | None) -> None:
    """On every page: say so when the loaded plan did not come from the optimiser (solver model error), or
    when the clock cut its one-worker solve short (solving again may then give another plan)."""
    plan = view.plan if view is not None else None
    for warning in (optimiser_warning(plan, lang()), clock_cut_notice(plan, lang())):
        if warning is not None:
            st.warning(warning, icon="⚠️")


def show_violations(violations, limit: int = 50) -> None:
    """Broken rules in words: the Dutch (or English) label in bold, then the specific message."""
    for v in list(violations)[:limit]:
        label = v.label_nl if lang() == "nl" else v.label
        st.error(f"**{plain(label)}** — {plain(v.text(lang()))}")
    if len(violations) > limit:
        st.caption(f"… +{len(violations) - limit}")

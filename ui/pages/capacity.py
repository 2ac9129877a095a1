"""Capaciteit: a small capacity sweep in the background, then the curves and the marginal values."""

import os
from pathlib import Path

import streamlit as st

from planner.capacity import desk
from planner.web import data_dir
from ui.charts import localised
from ui.common import lang, need_view, plain, planner, tr

st.title(tr("page.capacity"))
st.caption(tr("cap.intro"))
view = need_view()
p = planner()
scenarios = {s.id: f"{s.id}: {s.name}" for s in p.list_scenarios()}
ids = list(scenarios)
scenario_id = st.selectbox(tr("cap.scenario"), ids, index=ids.index(view.scenario_id) if view.scenario_id in ids else 0,
                           format_func=lambda i: scenarios[i], key="cap_scenario")
scenario = p.scenario(scenario_id if scenario_id is not None else view.scenario_id)
choices = {c.key: c for c in desk.axis_choices(scenario)}
picked = st.multiselect(tr("cap.axes"), list(choices), format_func=lambda k: choices[k].label(lang()), key="cap_axes")
left, right = st.columns(2)
low, high = left.slider(tr("cap.range"), min_value=-2, max_value=3, value=(-1, 2), key="cap_range")
limit = right.number_input(tr("cap.time_limit"), min_value=2, max_value=120, value=10, step=1, key="cap_limit")
sweep = desk.build_sweep([choices[k] for k in picked], low, high, float(limit))
if os.environ.get(desk.RAY_ADDRESS_ENV):
    st.caption(tr("cap.ray", address=os.environ[desk.RAY_ADDRESS_ENV]))
run = st.session_state.get("cap_run")
running = run is not None and desk.status(Path(run)).running
if st.button(tr("cap.start"), key="cap_start", type="primary", disabled=running):
    if not picked:
        st.warning(tr("cap.pick_axis"))
    else:
        run = str(desk.start(scenario, sweep, data_dir() / "sweeps", lang()))
        st.session_state["cap_run"] = run
        st.rerun()


@st.fragment(run_every=1.0)
def progress(run_dir: str) -> None:
    state = desk.status(Path(run_dir))
    if state.running:
        st.progress(state.done / max(state.total, 1), text=tr("cap.running", done=state.done, total=state.total))
        return
    st.rerun()


if run is None:
    st.info(tr("cap.none_yet"))
    st.stop()
state = desk.status(Path(run))
if state.running:
    progress(run)
    st.stop()
if state.exit_code not in (0, 1):
    st.error(tr("cap.failed", code=state.exit_code))
    st.stop()
if state.exit_code == 1:
    st.warning(tr("cap.some_failed"))
else:
    st.success(tr("cap.done", total=state.total))
for axis in desk.results(Path(run), lang()):
    st.subheader(plain(axis.label))
    c1, c2 = st.columns(2)
    c1.plotly_chart(localised(axis.priority, lang()), use_container_width=True)
    c2.plotly_chart(localised(axis.unplanned, lang()), use_container_width=True)
    st.markdown(f"**{tr('cap.marginal')}**")
    st.dataframe(axis.marginal, hide_index=True)
    st.caption(plain(axis.knee))

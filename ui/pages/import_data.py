"""Import: a scenario as JSON (a new workspace), or a case list as CSV/Excel with errors per row."""

import pandas as pd
import streamlit as st

from planner.web import ConflictError, InputError
from planner.web.caselist import case_rows
from planner.web.exporting import csv_bytes
from planner.web.input_text import problem_rows, problem_text
from ui.common import lang, plain, planner, set_seen, tr, username

p = planner()
st.title(tr("page.import"))
view = st.session_state.get("_view")
if st.session_state.get("import_msg"):
    st.success(st.session_state.pop("import_msg"))


def opened(workspace_id: int) -> None:
    info = p.scenario_info(workspace_id)
    st.session_state["ws_id"] = workspace_id
    set_seen(info.id, info.revision, info.head_plan_id)


with st.container(border=True):
    st.subheader(tr("imp.scenario"))
    scenario_file = st.file_uploader(tr("imp.scenario"), type=["json"], key="imp_scenario_file")
    plan_file = st.file_uploader(tr("imp.plan"), type=["json"], key="imp_plan_file")
    c1, c2 = st.columns(2)
    if c1.button(tr("imp.scenario_btn"), key="imp_scenario_btn", disabled=scenario_file is None, type="primary") \
            and scenario_file is not None:
        try:
            new_id = p.import_scenario(scenario_file.getvalue(), scenario_file.name, username(),
                                       plan_file.getvalue() if plan_file is not None else None)
        except InputError as exc:
            st.error(f"{plain(exc.source)}: {len(exc.problems)}")
            st.dataframe(pd.DataFrame(problem_rows(exc.problems, lang()), columns=[tr("col.field"), tr("col.message")]),
                         hide_index=True, key="imp_scenario_errors")
        else:
            opened(new_id)
            st.session_state["import_msg"] = tr("imp.ok_scenario", id=new_id)
            st.rerun()
    if c2.button(tr("imp.demo"), key="imp_demo"):
        import json

        from planner.web import DEMO_SCENARIO

        new_id = p.add_scenario_dict(json.loads(DEMO_SCENARIO.read_text(encoding="utf-8")), username())
        opened(new_id)
        st.session_state["import_msg"] = tr("imp.ok_scenario", id=new_id)
        st.rerun()

if view is not None:
    with st.container(border=True):
        st.subheader(tr("imp.cases"))
        st.caption(tr("imp.cases_help"))
        cases_file = st.file_uploader(tr("imp.cases"), type=["csv", "xlsx"], key="imp_cases_file")
        if st.button(tr("imp.cases_btn"), key="imp_cases_btn", disabled=cases_file is None, type="primary") \
                and cases_file is not None:
            try:
                result, saved = p.import_cases(view, cases_file.getvalue(), cases_file.name, username())
            except ConflictError as exc:
                st.error(tr("adj.conflict", by=exc.by, actual=exc.actual))
            except InputError as exc:
                st.error(str(exc))
            else:
                if result.errors:
                    st.error(tr("imp.errors", n=len(result.errors)))
                    st.dataframe(pd.DataFrame([{tr("col.row"): e.row, tr("col.column"): e.column,
                                                tr("col.value"): e.value,
                                                tr("col.message"): problem_text(e.message, lang())}
                                               for e in result.errors]), hide_index=True, key="imp_case_errors")
                else:
                    set_seen(view.scenario_id, saved.revision, view.info.head_plan_id)
                    st.session_state["import_msg"] = tr("imp.ok_cases", n=len(result.cases), revision=saved.revision)
                    st.rerun()
        st.download_button(tr("imp.template"), csv_bytes(case_rows(view.scenario)),
                           file_name=f"zaken-{view.scenario.id}.csv", mime="text/csv", key="imp_template",
                           on_click="ignore")

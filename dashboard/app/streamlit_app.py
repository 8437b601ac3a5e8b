"""strikemap's dashboard: ``streamlit run dashboard/app/streamlit_app.py`` (or ``make run``)."""

import streamlit as st

from dashboard.app.links import EVENT_PAGE

# No page or navigation icons: Streamlit makes the page's icon the favicon and fetches it
# from Google's font servers, which an offline network does not reach.
st.set_page_config(page_title="strikemap", layout="wide")
st.navigation(
    [
        st.Page("views/map.py", title="Map", default=True),
        st.Page("views/table.py", title="Table & export"),
        st.Page("views/charts.py", title="Charts"),
        st.Page("views/coverage.py", title="Coverage"),
        st.Page("views/add_article.py", title="Add article"),
        st.Page("views/event.py", title="Event", url_path=EVENT_PAGE),
        st.Page("views/about.py", title="About"),
    ]
).run()

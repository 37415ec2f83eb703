"""Streamlit dashboard (placeholder until the dashboard issue lands): the seed's time cues."""

from __future__ import annotations

import streamlit as st

from extract.documents import demo_documents
from extract.timecues import tag_time_cues

st.set_page_config(page_title="News → timeline", layout="wide")
st.title("News → timeline")
for doc in demo_documents()[:1]:
    st.subheader(doc.title or doc.doc_id)
    st.dataframe(tag_time_cues(doc.text, doc.published), key="cues")

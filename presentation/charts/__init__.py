"""Plotly figure builders, one module per chart domain: frames and a language's words in, a Figure out.

They never call Streamlit, so the briefing draws the same charts as the pages.
"""

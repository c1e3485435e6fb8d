"""Words, formats, cards and chart builders: what a figure looks like to a reader. Never imports Streamlit:
the pages (through the shell) and the briefing both draw from it."""

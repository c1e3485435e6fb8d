"""DX talent dashboard ETL: office exports in, DuckDB marts out (never imports streamlit)."""

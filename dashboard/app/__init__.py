"""The Streamlit app: the only part of strikemap that imports streamlit."""

"""The faces of dyad for people and programs: the HTTP API with its dashboard, and the Python API.

Nothing is imported here, so `import dyad.api.python` does not pull in FastAPI.
"""

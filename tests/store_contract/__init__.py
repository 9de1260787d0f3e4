"""The store contract: every test here runs once per backend (see conftest)."""

"""Shared test setup. Test data builders live in tests/builders.py (`from tests.builders import ...`)."""

pytest_plugins = ["tests.webfixtures"]

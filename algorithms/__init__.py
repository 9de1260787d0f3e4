"""The Processing provider and one thin algorithm per module."""

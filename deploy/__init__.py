"""Deployment tooling (never deployed itself): IAM policies, resources,
packaging. Everything is derived from the stages in .chalice/config.json."""

"""Chalice's hello world: the floor for a cold start."""

from chalice.app import Chalice

app = Chalice(app_name="hello")


@app.route("/")
def index() -> dict[str, str]:
    return {"hello": "world"}

"""The table on DynamoDB: pk (hash) and sk (range), both strings.

Reads are strongly consistent: repricing reads back what the same
invocation just wrote.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chalicelib.storage.aws_clients import client, error_code
from chalicelib.storage.table import (
    AllOf,
    AnyCondition,
    AnyOf,
    Condition,
    ConditionFailed,
    Item,
    check_changes,
    check_item,
)


class DynamoTable:
    def __init__(self, name: str, region: str) -> None:
        self.name = name
        self._region = region
        from boto3.dynamodb.types import TypeDeserializer, TypeSerializer

        self._serializer = TypeSerializer()
        self._deserializer = TypeDeserializer()

    @property
    def _ddb(self) -> Any:
        return client("dynamodb", self._region)

    def get(self, pk: str, sk: str) -> Item | None:
        response = self._ddb.get_item(
            TableName=self.name, Key=self._key(pk, sk), ConsistentRead=True
        )
        return self._load(response["Item"]) if "Item" in response else None

    def put(self, item: Item, *, condition: AnyCondition | None = None) -> None:
        check_item(item)
        request: dict[str, Any] = {"TableName": self.name, "Item": self._dump(item)}
        self._conditional(self._ddb.put_item, request, condition)

    def update(
        self, pk: str, sk: str, changes: Mapping[str, Any], *, condition: AnyCondition | None = None
    ) -> Item:
        check_changes(changes)
        names: dict[str, str] = {}
        values: dict[str, Any] = {}
        sets, removes = [], []
        for i, (attribute, value) in enumerate(changes.items()):
            names[f"#u{i}"] = attribute
            if value is None:
                removes.append(f"#u{i}")
            else:
                values[f":u{i}"] = self._serializer.serialize(value)
                sets.append(f"#u{i} = :u{i}")
        clauses = []
        if sets:
            clauses.append("SET " + ", ".join(sets))
        if removes:
            clauses.append("REMOVE " + ", ".join(removes))
        request: dict[str, Any] = {
            "TableName": self.name,
            "Key": self._key(pk, sk),
            "ReturnValues": "ALL_NEW",
        }
        request["UpdateExpression"] = " ".join(clauses)
        request["ExpressionAttributeNames"] = names
        if values:
            request["ExpressionAttributeValues"] = values
        response = self._conditional(self._ddb.update_item, request, condition)
        return self._load(response["Attributes"])

    def delete(self, pk: str, sk: str, *, condition: AnyCondition | None = None) -> None:
        request = {"TableName": self.name, "Key": self._key(pk, sk)}
        self._conditional(self._ddb.delete_item, request, condition)

    def query(
        self,
        pk: str,
        sk_prefix: str = "",
        *,
        descending: bool = False,
        limit: int | None = None,
        after: str | None = None,
    ) -> list[Item]:
        request: dict[str, Any] = {
            "TableName": self.name,
            "ConsistentRead": True,
            "ScanIndexForward": not descending,
            "ExpressionAttributeValues": {":pk": {"S": pk}},
            "KeyConditionExpression": "pk = :pk",
        }
        if sk_prefix:
            request["KeyConditionExpression"] += " AND begins_with(sk, :prefix)"
            request["ExpressionAttributeValues"][":prefix"] = {"S": sk_prefix}
        if after is not None:
            request["ExclusiveStartKey"] = self._key(pk, after)
        items: list[Item] = []
        while True:
            if limit is not None:
                request["Limit"] = limit - len(items)
            response = self._ddb.query(**request)
            items.extend(self._load(raw) for raw in response.get("Items", []))
            if "LastEvaluatedKey" not in response or (limit is not None and len(items) >= limit):
                return items
            request["ExclusiveStartKey"] = response["LastEvaluatedKey"]

    def _conditional(
        self, call: Any, request: dict[str, Any], condition: AnyCondition | None
    ) -> dict[str, Any]:
        if condition is not None:
            expression, names, values = _expression(condition, self._serializer)
            request["ConditionExpression"] = expression
            request.setdefault("ExpressionAttributeNames", {}).update(names)
            if values:
                request.setdefault("ExpressionAttributeValues", {}).update(values)
        try:
            return dict(call(**request))
        except Exception as error:
            if error_code(error) == "ConditionalCheckFailedException":
                raise ConditionFailed(condition) from None
            raise

    def _key(self, pk: str, sk: str) -> dict[str, Any]:
        return {"pk": {"S": pk}, "sk": {"S": sk}}

    def _dump(self, item: Item) -> dict[str, Any]:
        return {name: self._serializer.serialize(value) for name, value in item.items()}

    def _load(self, raw: dict[str, Any]) -> Item:
        return {name: self._deserializer.deserialize(value) for name, value in raw.items()}


def _expression(
    condition: AnyCondition, serializer: Any
) -> tuple[str, dict[str, str], dict[str, Any]]:
    names: dict[str, str] = {}
    values: dict[str, Any] = {}

    def render(node: AnyCondition) -> str:
        if isinstance(node, AnyOf | AllOf):
            joiner = " OR " if isinstance(node, AnyOf) else " AND "
            return "(" + joiner.join(render(part) for part in node.parts) + ")"
        if not isinstance(node, Condition):
            raise TypeError(f"not a condition: {node!r}")
        name = f"#c{len(names)}"
        names[name] = node.attribute
        if node.op == "exists":
            return f"attribute_exists({name})"
        if node.op == "absent":
            return f"attribute_not_exists({name})"
        value = f":c{len(values)}"
        values[value] = serializer.serialize(node.value)
        return f"{name} {node.op} {value}"

    return render(condition), names, values

"""How the API words a broken model rule: a 400 whose body is the rule's sentence."""
from __future__ import annotations

from ..errors import ApiError


def refuse(message: str) -> ApiError:
    return ApiError(400, message)


def length_rule(subject: str, attribute: str, minimum: int | None, maximum: int) -> ApiError:
    """e.g. "It is necessary that each device tag has a tag key that has a Length (Type) that is
    greater than 0 and is less than or equal to 100." """
    if minimum is None:
        bound = f"is less than or equal to {maximum}"
    elif minimum == 1:
        bound = f"is greater than 0 and is less than or equal to {maximum}"
    else:
        bound = f"is greater than or equal to {minimum} and is less than or equal to {maximum}"
    return refuse(f"It is necessary that each {subject} has {_article(attribute)} {attribute} that has a Length (Type) "
                  f"that {bound}.")


def optional_length_rule(subject: str, attribute: str, maximum: int) -> ApiError:
    """The wording for an optional attribute, e.g. an API key's name."""
    has = f"has {_article(attribute)} {attribute}"
    return refuse(f"It is necessary that each {subject} that {has}, {has} that has a Length (Type) that is less "
                  f"than or equal to {maximum}.")


def _article(noun: str) -> str:
    return "an" if noun[:1] in "aeiou" else "a"

"""A procedure's online state, the one rule every page, list and the finder apply: the record's level of online
public service, or "not published" when it gives none (or when its own channels contradict a "not online")."""

from __future__ import annotations

from typing import Literal

from cchc.content.models import OnlineLevel, Procedure

# The online states a page, a list and the finder show: the record's level, or "not published" when it gives none.
OnlineState = Literal["toan-trinh", "mot-phan", "khong", "chua-cong-bo"]


ONLINE_STATES: tuple[OnlineState, ...] = ("toan-trinh", "mot-phan", "khong", "chua-cong-bo")


UNPUBLISHED: OnlineState = "chua-cong-bo"


def has_online_channel(proc: Procedure) -> bool:
    return any(channel.hinh_thuc == "truc-tuyen" for channel in proc.cach_thuc)


def online_state(proc: Procedure) -> OnlineState:
    """The online level a page and the lists show: the record's, or "not published" when it gives none.

    An unknown level is never "not online"; nor is a "khong" (not online) that the record's own channels
    contradict by listing an online one (the national database's channels are what a citizen meets)."""
    level: OnlineLevel | None = proc.muc_do_dvc
    if level is None or (level == "khong" and has_online_channel(proc)):
        return UNPUBLISHED
    return level

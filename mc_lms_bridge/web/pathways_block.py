"""Wallet block for pathway progress: returns [] until pathways land (each item will describe one pathway)."""

from __future__ import annotations


def wallet_pathways(learner) -> list:
    """Pathway progress of ``learner`` for the wallet; empty until the pathways package provides it."""
    return []

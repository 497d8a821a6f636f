"""The screens of the game. Only pygame code; no rule lives here: what a scene offers comes
from ``Simulation.allowed_actions()`` and what is right is judged by the core."""

"""Results that leave the laptop: xAPI statements, exported as JSON Lines."""

"""glutemed: a gluteus medius workout planner for runners."""

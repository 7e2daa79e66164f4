"""Who is calling: tokens, API keys, actors and what each may see."""

"""``ratsarchiv import``: content files from a council information system (OParl, SessionNet)."""

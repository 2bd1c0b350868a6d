"""Networked classroom play (issue 11): an authoritative game host and its clients.

* :mod:`~wargame.net.protocol` — the messages (JSON, versioned, validated with pydantic);
* :mod:`~wargame.net.codes` — the join codes of the seats, the facilitator and the projector;
* :mod:`~wargame.net.ledger` — action ids answered once, kept in the save;
* :mod:`~wargame.net.room` — the hosted game without the network: who may act, what each role sees;
* :mod:`~wargame.net.host` — :class:`GameHost`, the WebSocket server;
* :mod:`~wargame.net.client` — :class:`RemoteGame`, a client.

Nothing here imports Qt; the rules stay in the engine (every action goes through ``Game.apply``).
"""

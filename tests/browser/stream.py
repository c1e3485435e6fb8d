"""A client of the app's own WebSocket (what the page's JavaScript speaks), for what a browser will not
do: a Host of another name, a header twice, a hundred reruns. Returns the texts a session's run drew."""

from __future__ import annotations

import socket

from google.protobuf.json_format import MessageToDict
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.exceptions import InvalidHandshake
from websockets.sync.client import ClientConnection, connect


class Refused(Exception):
    """The server did not open the WebSocket (the handshake's answer was not 101)."""


def open_stream(
    port: int, host: str | None = None, origin: str | None = None, headers=()
) -> ClientConnection:
    """A WebSocket to the app on 127.0.0.1:port that says it is for `host` (the Host header)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    try:
        return connect(
            f"ws://{host or f'127.0.0.1:{port}'}/_stcore/stream",
            sock=sock,
            origin=origin,
            additional_headers=list(headers),
            subprotocols=["streamlit"],
            open_timeout=30,
            max_size=None,
        )
    except InvalidHandshake as error:
        sock.close()
        raise Refused(str(error)) from error


def _texts(value, out: list[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("body", "label") and isinstance(item, str):
                out.append(item)
            else:
                _texts(item, out)
    elif isinstance(value, list):
        for item in value:
            _texts(item, out)


def run(stream: ClientConnection, query: str = "lang=en", page: str = "", timeout: float = 120) -> list[str]:
    """Asks for one run of the page and returns every text it drew, once the run has finished."""
    message = BackMsg()
    message.rerun_script.query_string = query
    message.rerun_script.page_name = page
    stream.send(message.SerializeToString())
    texts: list[str] = []
    while True:
        forward = ForwardMsg()
        forward.ParseFromString(stream.recv(timeout=timeout))
        kind = forward.WhichOneof("type")
        if kind == "delta":
            _texts(MessageToDict(forward.delta), texts)
        elif kind == "script_finished":
            return texts


def session_texts(port: int, page: str = "", **kwargs) -> list[str]:
    """One session, one run of `page`, closed again; raises Refused when the WebSocket is refused."""
    with open_stream(port, **kwargs) as stream:
        return run(stream, page=page)


def flood(stream: ClientConnection, reruns: int, query: str = "lang=en", page: str = "") -> list[list[str]]:
    """Runs the page `reruns` times, each as soon as the one before has finished (requests sent while a
    run is under way are merged into one by Streamlit): the texts each run drew."""
    return [run(stream, query, page) for _ in range(reruns)]

"""Screening records: the SQLAlchemy model and every query on it (the only module that touches this DB).

A record keeps what an audit needs and nothing more: the verdict, the rules that fired, the rule data's
version, the channel, the time, and a salted hash of the sender id. No free text, no name.

This is the repository only: it raises when the database is down. The action server writes through
actions/records_buffer.py, which keeps the writes in memory during an outage. Engines are created lazily,
check pooled connections before use, and give up connecting after ``DATABASE_CONNECT_TIMEOUT_SECONDS``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

from sqlalchemy import (
    Column,
    DateTime,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    delete,
    func,
    select,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, declarative_base, sessionmaker

from padsafety.settings import settings

logger = logging.getLogger(__name__)

Base = declarative_base()
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def utcnow() -> dt.datetime:
    """Timezone-aware current time (stored as UTC)."""
    return dt.datetime.now(dt.timezone.utc)


class ScreeningRecord(Base):
    """One completed screening."""

    __tablename__ = "screening_records"

    id = Column(Integer, primary_key=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)
    sender_hash = Column(String(64), nullable=False, index=True)
    channel = Column(String(32), nullable=False)
    verdict = Column(String(32), nullable=False, index=True)
    fired_rules = Column(String(512), nullable=False, default="")  # comma-separated rule ids
    rules_version = Column(String(32), nullable=False)


def engine_options(url: str, connect_timeout_seconds: Optional[int] = None) -> Dict[str, Any]:
    """``create_engine`` options: pooled connections checked before use, and a connect timeout.

    Without ``pool_pre_ping`` the first query after a database restart fails on a dead pooled connection;
    without a connect timeout a host that drops packets holds a write for the TCP timeout (about two
    minutes). The timeout (by default ``DATABASE_CONNECT_TIMEOUT_SECONDS``) applies to PostgreSQL and
    MySQL, unless the URL sets ``connect_timeout`` itself; SQLite opens a file and has none.
    """
    options: Dict[str, Any] = {"pool_pre_ping": True, "future": True}
    parsed = make_url(url)
    networked = parsed.get_backend_name() in {"postgresql", "mysql", "mariadb"}
    if networked and "connect_timeout" not in parsed.query:
        if connect_timeout_seconds is None:
            connect_timeout_seconds = settings().database_connect_timeout_seconds
        options["connect_args"] = {"connect_timeout": connect_timeout_seconds}
    return options


def create_database_engine(url: str, connect_timeout_seconds: Optional[int] = None) -> Engine:
    """An engine with :func:`engine_options` (the only way this project creates its engines)."""
    return create_engine(url, **engine_options(url, connect_timeout_seconds))


def sender_hash(sender_id: str, salt: str) -> str:
    """HMAC-SHA256 of the sender id: records can be deleted per person but not read back to one."""
    return hmac.new(salt.encode(), sender_id.encode(), hashlib.sha256).hexdigest()


class Records:
    """Screening records in one database; the engine is created on first use."""

    def __init__(self, url: str, salt: str, connect_timeout_seconds: Optional[int] = None) -> None:
        self.url = url
        self.salt = salt
        self.connect_timeout_seconds = connect_timeout_seconds
        self._engine: Optional[Engine] = None
        self._sessions: Optional[sessionmaker] = None

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (SQLite folders are created as needed)."""
        if self._engine is None:
            if self.url.startswith("sqlite:///"):
                Path(self.url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
            self._engine = create_database_engine(self.url, self.connect_timeout_seconds)
            self._sessions = sessionmaker(self._engine, future=True, expire_on_commit=False)
        return self._engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on error."""
        self.engine  # noqa: B018 - creates the session factory
        with self._sessions() as session, session.begin():
            yield session

    def migrate(self) -> None:
        """Apply pending Alembic migrations (the schema is never created any other way)."""
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def add_screening(
        self,
        sender_id: str,
        channel: str,
        verdict: str,
        fired_rules: List[str],
        rules_version: str,
        created_at: Optional[dt.datetime] = None,
    ) -> None:
        """Store one completed screening (at ``created_at``, by default now)."""
        with self.session() as session:
            session.add(
                ScreeningRecord(
                    created_at=created_at or utcnow(),
                    sender_hash=sender_hash(sender_id, self.salt),
                    channel=(channel or "unknown")[:32],
                    verdict=verdict,
                    fired_rules=",".join(fired_rules)[:512],
                    rules_version=rules_version,
                )
            )

    def count_for(self, sender_id: str) -> int:
        """How many records a sender has."""
        with self.session() as session:
            query = select(func.count()).where(
                ScreeningRecord.sender_hash == sender_hash(sender_id, self.salt)
            )
            return session.execute(query).scalar_one()

    def delete_sender(self, sender_id: str) -> int:
        """Delete every record of one sender; how many were deleted."""
        with self.session() as session:
            query = delete(ScreeningRecord).where(
                ScreeningRecord.sender_hash == sender_hash(sender_id, self.salt)
            )
            return session.execute(query).rowcount

    def purge_before(self, cutoff: dt.datetime) -> int:
        """Delete records created before the cutoff; how many were deleted."""
        with self.session() as session:
            return session.execute(
                delete(ScreeningRecord).where(ScreeningRecord.created_at < cutoff)
            ).rowcount

    def summary(
        self, start: dt.datetime, end: dt.datetime
    ) -> Tuple[Dict[str, int], Counter, Dict[str, Dict[str, int]]]:
        """Verdict counts, fired-rule counts and verdicts per day, for records in [start, end)."""
        with self.session() as session:
            rows = session.execute(
                select(ScreeningRecord.created_at, ScreeningRecord.verdict, ScreeningRecord.fired_rules)
                .where(ScreeningRecord.created_at >= start, ScreeningRecord.created_at < end)
                .order_by(ScreeningRecord.created_at)
            ).all()
        verdicts: Dict[str, int] = Counter()
        rules: Counter = Counter()
        per_day: Dict[str, Dict[str, int]] = {}
        for created_at, verdict, fired in rows:
            verdicts[verdict] += 1
            rules.update(r for r in fired.split(",") if r)
            day = per_day.setdefault(created_at.date().isoformat(), Counter())
            day[verdict] += 1
        return dict(verdicts), rules, per_day


# Rasa's own table in the tracker store database (read for reports, purged for retention).
_rasa_metadata = MetaData()
RasaEvents = Table(
    "events",
    _rasa_metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255)),
    Column("type_name", String(255)),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
)


class Conversations:
    """Read-only reports and retention over Rasa's tracker store (its `events` table)."""

    def __init__(self, url: str, connect_timeout_seconds: Optional[int] = None) -> None:
        self.engine = create_database_engine(url, connect_timeout_seconds)

    def _exists(self) -> bool:
        from sqlalchemy import inspect

        return inspect(self.engine).has_table("events")

    def stats(self, start: dt.datetime, end: dt.datetime) -> Dict[str, int]:
        """Conversations, doctor referrals and emergency replies in [start, end)."""
        if not self._exists():
            return {"conversations": 0, "doctor_referrals": 0, "red_flag_escalations": 0}
        window = (RasaEvents.c.timestamp >= start.timestamp(), RasaEvents.c.timestamp < end.timestamp())
        with self.engine.connect() as connection:
            conversations = connection.execute(
                select(func.count(func.distinct(RasaEvents.c.sender_id))).where(*window)
            ).scalar_one()

            def actions(name: str) -> int:
                query = select(func.count()).where(*window, RasaEvents.c.action_name == name)
                return connection.execute(query).scalar_one()

            return {
                "conversations": conversations,
                "doctor_referrals": actions("utter_doctor_referral"),
                "red_flag_escalations": actions("utter_emergency"),
            }

    def purge_before(self, cutoff: dt.datetime) -> int:
        """Delete whole conversations whose latest event is older than the cutoff.

        Only whole conversations: Rasa counts a conversation's stored events to decide what to insert,
        so deleting part of a live one would make it re-insert them.
        """
        if not self._exists():
            return 0
        stale = (
            select(RasaEvents.c.sender_id)
            .group_by(RasaEvents.c.sender_id)
            .having(func.max(RasaEvents.c.timestamp) < cutoff.timestamp())
        )
        with self.engine.begin() as connection:
            senders = [row[0] for row in connection.execute(stale)]
            for start in range(0, len(senders), 500):
                chunk = senders[start : start + 500]
                connection.execute(delete(RasaEvents).where(RasaEvents.c.sender_id.in_(chunk)))
        return len(senders)

    def event_count(self, sender_id: str) -> int:
        """How many events a sender has stored."""
        if not self._exists():
            return 0
        with self.engine.connect() as connection:
            query = select(func.count()).where(RasaEvents.c.sender_id == sender_id)
            return connection.execute(query).scalar_one()


_records: Optional[Records] = None


def default_records() -> Records:
    """The action server's records database, from the settings (created once per process)."""
    global _records
    if _records is None:
        config = settings()
        if not config.records_salt:
            raise RuntimeError("RECORDS_SALT is empty: set it in .env (`make run` writes a random one)")
        records = Records(config.records_db_url, config.records_salt, config.database_connect_timeout_seconds)
        records.migrate()  # pending migrations are applied when the action server first needs the DB
        _records = records
    return _records

"""Preference store: users, preferences, history, personal concepts, device states.

Revision ID: 0001
Revises:
Create Date: 2026-11-24

Timestamps are timezone-aware (preferences.models.UTCDateTime stores UTC).
Every table hangs off users(user_id) with ON DELETE CASCADE, so forgetting a
user cannot leave rows behind.
"""
from alembic import op
import sqlalchemy as sa

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('users',
    sa.Column('user_id', sa.String(length=128), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_users'))
    )
    op.create_table('device_states',
    sa.Column('user_id', sa.String(length=128), nullable=False),
    sa.Column('device', sa.String(length=64), nullable=False),
    sa.Column('room', sa.String(length=64), nullable=False),
    sa.Column('state', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.user_id'], name=op.f('fk_device_states_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'device', 'room', name=op.f('pk_device_states'))
    )
    op.create_table('personal_concepts',
    sa.Column('user_id', sa.String(length=128), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('definition', sa.JSON(), nullable=False),
    sa.Column('utterance', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.user_id'], name=op.f('fk_personal_concepts_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'name', name=op.f('pk_personal_concepts'))
    )
    op.create_table('preference_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.String(length=128), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('domain', sa.String(length=40), nullable=True),
    sa.Column('slot', sa.String(length=64), nullable=True),
    sa.Column('value', sa.String(length=200), nullable=True),
    sa.Column('value_key', sa.Text(), nullable=True),
    sa.Column('polarity', sa.String(length=10), nullable=True),
    sa.Column('source', sa.String(length=20), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('utterance', sa.Text(), nullable=True),
    sa.Column('details', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.user_id'], name=op.f('fk_preference_history_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_preference_history'))
    )
    op.create_index(op.f('ix_preference_history_user_id_kind_slot_value_key'), 'preference_history',
                    ['user_id', 'kind', 'slot', 'value_key'], unique=False)
    op.create_table('preferences',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.String(length=128), nullable=False),
    sa.Column('domain', sa.String(length=40), nullable=False),
    sa.Column('slot', sa.String(length=40), nullable=False),
    sa.Column('value', sa.String(length=200), nullable=False),
    sa.Column('value_key', sa.Text(), nullable=False),
    sa.Column('polarity', sa.String(length=10), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('evidence', sa.Integer(), nullable=False),
    sa.Column('recognized', sa.Boolean(), nullable=False),
    sa.Column('utterance', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("polarity IN ('like', 'dislike')", name=op.f('ck_preferences_polarity')),
    sa.CheckConstraint("source IN ('stated', 'guided_qa', 'teachable_moment', 'inferred')", name=op.f('ck_preferences_source')),
    sa.CheckConstraint('confidence >= 0 AND confidence <= 1', name=op.f('ck_preferences_confidence')),
    sa.ForeignKeyConstraint(['user_id'], ['users.user_id'], name=op.f('fk_preferences_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_preferences')),
    sa.UniqueConstraint('user_id', 'domain', 'slot', 'value_key', name=op.f('uq_preferences_user_id_domain_slot_value_key'))
    )


def downgrade() -> None:
    op.drop_table('preferences')
    op.drop_index(op.f('ix_preference_history_user_id_kind_slot_value_key'), table_name='preference_history')
    op.drop_table('preference_history')
    op.drop_table('personal_concepts')
    op.drop_table('device_states')
    op.drop_table('users')

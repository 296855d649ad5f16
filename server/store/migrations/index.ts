import type { Migration } from 'kysely';
import type { Dialect } from '../db.js';
import { initial } from './0001_initial.js';
import { invitationDetails } from './0002_invitation_details.js';
import { townHall } from './0003_town_hall.js';
import { exhibits } from './0004_exhibits.js';
import { auditSpace } from './0005_audit_space.js';
import { addressBans } from './0006_address_bans.js';
import { looks } from './0007_looks.js';
import { ballots } from './0008_ballots.js';
import { eventThanks } from './0010_event_thanks.js';
import { consensus } from './0009_consensus.js';
import { consensusAnalyses } from './0012_consensus_analyses.js';
import { questionMerges } from './0013_question_merges.js';
import { oneFloorTurn } from './0014_one_floor_turn.js';

/**
 * Every migration, in order. Names are permanent (they are recorded in kysely_migration):
 * add new ones at the end, never rename or edit one that has shipped.
 */
export function allMigrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_initial': initial(dialect),
    '0002_invitation_details': invitationDetails,
    '0003_town_hall': townHall,
    '0004_exhibits': exhibits,
    '0005_audit_space': auditSpace,
    '0006_address_bans': addressBans,
    '0007_looks': looks,
    '0008_ballots': ballots,
    '0009_consensus': consensus,
    '0010_event_thanks': eventThanks,
    '0012_consensus_analyses': consensusAnalyses,
    '0013_question_merges': questionMerges,
    '0014_one_floor_turn': oneFloorTurn,
  };
}

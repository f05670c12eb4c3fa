import type { Rule } from "../define-rule.js";
import { duplicateName } from "./duplicate-name.js";
import { duplicatePort } from "./duplicate-port.js";
import { envOffsetBroken } from "./env-offset-broken.js";
import { envPortCollision } from "./env-port-collision.js";
import { ephemeralPort } from "./ephemeral-port.js";
import { invalidNodeAddress } from "./invalid-node-address.js";
import { invalidRange } from "./invalid-range.js";
import { outsideTeamRange } from "./outside-team-range.js";
import { portOutOfRange } from "./port-out-of-range.js";
import { privilegedPort } from "./privileged-port.js";
import { reservationCollision } from "./reservation-collision.js";
import { teamRangesOverlap } from "./team-ranges-overlap.js";
import { unknownEnvironment } from "./unknown-environment.js";
import { unknownNode } from "./unknown-node.js";
import { unknownSection } from "./unknown-section.js";
import { unknownTeam } from "./unknown-team.js";
import { unsafePort } from "./unsafe-port.js";
import { wellKnownDefault } from "./well-known-default.js";

export const registryRules: readonly Rule[] = [
  unknownNode,
  unknownTeam,
  unknownEnvironment,
  unknownSection,
  duplicateName,
  invalidNodeAddress,
  invalidRange,
  teamRangesOverlap,
  portOutOfRange,
  privilegedPort,
  ephemeralPort,
  unsafePort,
  outsideTeamRange,
  duplicatePort,
  envPortCollision,
  envOffsetBroken,
  reservationCollision,
  wellKnownDefault,
];

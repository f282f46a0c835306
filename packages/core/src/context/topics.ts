/** Events published after a transaction commits; payloads carry ids only, subscribers re-read what they may see. */
export interface BedUnitChanged {
  unitId: string;
  district: string;
}

export type Topics = {
  BED_UNIT_CHANGED: [BedUnitChanged];
};

export const Topic = {
  BED_UNIT_CHANGED: 'BED_UNIT_CHANGED',
} as const;

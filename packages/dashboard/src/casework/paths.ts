/** Links into the casework screens, shared by the screens that lead to them (the bed board among them). */
export const casePath = (caseId: string): string => `/repatriation/${caseId}`;
export const unitHistoryPath = (unitId: string): string => `/units/${unitId}`;

/** Dataset folders under ../shared/data/cloudtrail and their file-name shapes. */
export const CCC = 'cloudconsolecartographer';
export const INVICTUS = 'invictus-aws_dataset';
export const PANTHER = 'panther-analysis';
export const STRATUS = 'stratus-red-team';
export const TRAILDISCOVER = 'traildiscover';
export const SANS = 'sans504-s3-ransomware-lab';
export const PANTHER_FILE = 'panther_cloudtrail_test_events.jsonl';

export function session(id: string): string {
  return `sessions/${id}/InputEvents.json`;
}

export function invictus(suffix: string): string {
  return `CloudTrail/218007301253_CloudTrail_us-east-1_${suffix}.json`;
}

export function stratus(technique: string): string {
  return `detonation-logs/${technique}.json`;
}

/**
 * What one write event does to resources, as the catalog understands it. The replay folds
 * these into State; nothing here touches the event itself.
 *
 * Attributes are the Pulumi input names of `type` (top level only: a nested value such as
 * `tags` or `ingress` is replaced whole), so a state resource maps 1:1 to a Pulumi resource.
 */
export interface Target {
  /** Pulumi type token, e.g. `aws:iam/user:User`, `alicloud:ecs/instance:Instance`. */
  type: string;
  /**
   * The resource's id: the cloud's id where it has one (`i-…`, `sg-…`, a user name), else the
   * id Pulumi imports it by (its docs' "Import" section), e.g. `user/policyArn` for an attachment.
   */
  id: string;
  /** Defaults to the event's region. `global` for account-wide services (IAM, RAM). */
  region?: string;
}

export type PatchOp =
  | { op: 'set'; path: string; value: unknown }
  | { op: 'unset'; path: string }
  /** Add values to a list attribute, keeping it free of repeats (security groups of an instance, IP whitelist). */
  | { op: 'add'; path: string; values: unknown[] }
  | { op: 'remove'; path: string; values: unknown[] };

export type Effect =
  /** A new resource with these inputs. `unknown` lists inputs the event proves exist but does not show. */
  | { kind: 'create'; target: Target; inputs: Record<string, unknown>; unknown?: string[] }
  | { kind: 'update'; target: Target; ops: PatchOp[] }
  /** Changed, but the new value is not in the event: the attributes become unknown. */
  | { kind: 'touch'; target: Target; paths: string[] }
  | { kind: 'delete'; target: Target }
  /**
   * Delete every live resource of `type` whose inputs equal all of `match` (rules revoked
   * by their tuple, attachments named by their parts).
   */
  | { kind: 'delete-match'; type: string; region?: string; match: Record<string, unknown> };

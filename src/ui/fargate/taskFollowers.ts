import type * as vscode from 'vscode';
import { TaskFollower } from './taskFollower';
import type { FollowTiming, TaskFollowerDeps } from './taskFollower';

// Each follower has an output channel; older ones go (and stop following) so the Output list stays short.
const KEPT = 10;

/** The tasks started from the explorer and followed, newest last. */
export class TaskFollowers implements vscode.Disposable {
  private readonly followers: TaskFollower[] = [];

  start(deps: TaskFollowerDeps, timing?: FollowTiming): TaskFollower {
    const follower = new TaskFollower(deps, timing);
    this.followers.push(follower);
    while (this.followers.length > KEPT) this.followers.shift()?.dispose();
    return follower;
  }

  all(): readonly TaskFollower[] {
    return [...this.followers];
  }

  dispose(): void {
    for (const follower of this.followers.splice(0)) follower.dispose();
  }
}

/** The tenant's jobs: `POST /jobs/verification-email` creates one, `GET /jobs/{id}` reads it. */

/** A job as Auth0 answers it; the emulator's jobs are done as soon as they are read. */
export type Job = { readonly type: 'verification_email'; readonly created_at: string; readonly id: string };

/** The jobs by id. */
export type JobStore = {
  get(id: string): Job | undefined;
  put(job: Job): Job;
  /** Every job, in the order they were created. */
  list(): Job[];
  clear(): void;
};

/** A new, empty store. */
export function createJobStore(): JobStore {
  const jobs = new Map<string, Job>();
  return {
    get: (id) => jobs.get(id),
    put(job) {
      const frozen = Object.freeze({ ...job });
      jobs.set(job.id, frozen);
      return frozen;
    },
    list: () => [...jobs.values()],
    clear: () => jobs.clear(),
  };
}

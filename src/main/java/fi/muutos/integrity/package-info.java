/**
 * Procedural integrity: the engine refuses, on every path a person or a partner system can take
 * (engine REST API, the webapps' own REST API, Java API), what would skip, shorten or redirect a
 * statutory step. Installed as a process engine plugin: least-privilege task permissions ({@code
 * TASK_WORK}), completions and starts limited to their form's fields, starts at another activity,
 * restarts and job executions checked before they can have any effect.
 */
package fi.muutos.integrity;

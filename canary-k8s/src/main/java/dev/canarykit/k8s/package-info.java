/**
 * canarykit k8s module. The adapter arrives with its own issue; until then the module only builds.
 */
package dev.canarykit.k8s;

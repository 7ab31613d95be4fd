// @peculiar/x509 resolves its DI container at import time and throws ("tsyringe requires a reflect
// polyfill") unless reflect-metadata ran first. Every module imports x509 through this file only.
import "reflect-metadata";

export * from "@peculiar/x509";

import { Prisma } from "@/lib/generated/prisma/client";

type DriverAdapterCause = { kind?: string; constraint?: { index?: string } };

/** The driver's reason behind a failed raw query (P2010) or model query, if it was a constraint. */
function driverCause(error: unknown): DriverAdapterCause | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  return (error.meta as { driverAdapterError?: { cause?: DriverAdapterCause } } | undefined)?.driverAdapterError?.cause;
}

export function isForeignKeyViolation(error: unknown, constraint: string): boolean {
  const cause = driverCause(error);
  return cause?.kind === "ForeignKeyConstraintViolation" && cause.constraint?.index === constraint;
}

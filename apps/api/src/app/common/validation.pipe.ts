import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

function messages(error: ValidationError): string[] {
  const own = Object.values(error.constraints ?? {});
  return [...own, ...(error.children ?? []).flatMap(messages)];
}

/**
 * Query and path parameters are validated by the contract DTOs: converted (limit=10 -> 10),
 * unknown parameters rejected, and every message names the parameter it is about.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadRequestException(errors.flatMap(messages).join('; ')),
  });
}

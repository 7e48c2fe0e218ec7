/**
 * The outcome each lesson teaches: the id of the choice that is right on the lesson's conditions.
 *
 * Kept apart from the lessons on purpose: a lesson's check must read its verdict from the runs,
 * never from what it is meant to find, so no file under lessons/ imports this one (a test says
 * so). The `lessons` command and the lesson tests compare the two.
 */
export const TAUGHT: Readonly<Record<string, string>> = {
  balance: 'seizures',
  'persistent-sodium': 'seizures',
  transporter: 'return',
  'vicious-circle': 'broken',
  dravet: 'worse',
  newborn: 'fails',
  'lesion-surgery': 'surgery',
  neurostimulation: 'none',
  ketogenic: 'stops',
};

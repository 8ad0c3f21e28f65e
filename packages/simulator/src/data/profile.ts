import { createRng, round } from '../util/prng';

/** The athlete's per-session baseline; every series oscillates around these values. */
export interface RunProfile {
  speed: number; // m/s
  cadence: number; // steps/min
  weight: number; // kg
  contactTime: number; // s
  flightTime: number; // s
  balance: number; // % left
  contactAngle: number; // degrees
  footstrike: 'forefoot' | 'midfoot' | 'heel';
  samples: number;
  fps: number;
}

/** Deterministic per-session baseline (realistic ranges: speed 2.5-5.5 m/s, cadence 150-190 spm). */
export function runProfile(sessionId: string, samples?: number): RunProfile {
  const rng = createRng(`profile:${sessionId}`);
  const speed = round(rng.range(2.9, 5.0), 2);
  return {
    speed,
    cadence: round(rng.range(158, 182), 1),
    weight: round(rng.range(55, 88), 1),
    contactTime: round(0.32 - (speed - 2.5) * 0.03 + rng.range(-0.02, 0.02), 3),
    flightTime: round(0.07 + (speed - 2.5) * 0.018 + rng.range(-0.01, 0.01), 3),
    balance: round(rng.range(48.2, 51.8), 1),
    contactAngle: round(rng.range(6, 14), 1),
    footstrike: rng.pick(['forefoot', 'midfoot', 'heel'] as const),
    samples: samples ?? rng.int(240, 330),
    fps: 30,
  };
}

/** The athlete behind a user id, as the report endpoints describe them. */
export interface Athlete {
  uid: string;
  displayName: string;
  email: string;
  age: number;
  gender: 'male' | 'female';
  height: number; // cm
  weight: number; // kg
  legLength: number; // m
  ycom: number; // m, centre-of-mass height
  shoeSize: number;
  brand: string;
  shoeModel: string;
  phone: string;
}

const FIRST = ['Alex', 'Sam', 'Jordan', 'Maria', 'Lena', 'Tom', 'Aiko', 'Noah', 'Emma', 'Lucas', 'Sofia', 'Mateo'];
const LAST = ['Runner', 'Berg', 'Silva', 'Novak', 'Tanaka', 'Moreau', 'Kowalski', 'Jensen', 'Rossi', 'Okafor'];
const SHOES: Array<[string, string]> = [
  ['Nike', 'Pegasus 41'],
  ['Asics', 'Gel-Nimbus 26'],
  ['Adidas', 'Adizero SL'],
  ['Hoka', 'Clifton 9'],
  ['Brooks', 'Ghost 16'],
  ['Saucony', 'Endorphin Speed 4'],
];

/** Deterministic athlete data for a user id. */
export function athlete(userId: string): Athlete {
  const rng = createRng(`athlete:${userId}`);
  const gender = rng.pick(['male', 'female'] as const);
  const height = round(gender === 'male' ? rng.range(168, 194) : rng.range(155, 180), 1);
  const [brand, shoeModel] = rng.pick(SHOES);
  const local = userId.toLowerCase().replace(/[^a-z0-9._-]/g, '') || 'athlete';
  return {
    uid: userId,
    displayName: `${rng.pick(FIRST)} ${rng.pick(LAST)}`,
    email: `${local.slice(0, 40)}@example.com`,
    age: rng.int(18, 58),
    gender,
    height,
    weight: round(height - 100 - rng.range(-8, 12), 1),
    legLength: round((height * 0.53) / 100, 3),
    ycom: round((height * 0.56) / 100, 3),
    shoeSize: gender === 'male' ? rng.int(41, 47) : rng.int(36, 42),
    brand,
    shoeModel,
    phone: `+1555${String(rng.int(1000000, 9999999))}`,
  };
}

/** `user_info` of the form and gait reports. */
export function userInfo(userId: string, adminName: string, lastSession: string, sessionCount: number): Record<string, unknown> {
  const a = athlete(userId);
  return {
    age: a.age,
    gender: a.gender,
    height: a.height,
    weight: a.weight,
    email: a.email,
    uid: a.uid,
    display_name: a.displayName,
    admin_name: adminName,
    last_session: lastSession,
    session_count: sessionCount,
    phone: a.phone,
    brand: a.brand,
    shoeModel: a.shoeModel,
    shoeSize: a.shoeSize,
    leg_length: a.legLength,
    ycom: a.ycom,
  };
}

/** `user_information` of the summary endpoint (note: age is a string there). */
export function userInformation(userId: string): Record<string, unknown> {
  const a = athlete(userId);
  return {
    ycom: a.ycom,
    weight: a.weight,
    age: String(a.age),
    height: a.height,
    leg_length: a.legLength,
    shoeSize: a.shoeSize,
    gender: a.gender,
    user: a.uid,
    brand: a.brand,
    shoeModel: a.shoeModel,
    email: a.email,
    display_name: a.displayName,
  };
}
